/**
 * The search UI's strings, re-exported by ui-strings.ts with every other string of the site.
 * A module of their own, not just an object: the browser bundler shares whole modules between
 * pages, so in ui-strings.ts they rode along into the chunk every article page loads (~1.9 KB gzip).
 */
export const searchUi = {
  title: '搜索',
  label: '搜索文章和专题',
  siteSearch: '全站搜索',
  placeholder: '输入词语，如 家庭医生签约',
  headerPlaceholder: '搜索文章和专题',
  shortcutHint: '按 / 键搜索',
  submit: '搜索',
  intro: (articles: number, stories: number) =>
    `在全部 ${articles} 篇文章和 ${stories} 篇数据专题的标题、正文、图片说明和图表中查找。多个词用空格隔开，结果须包含每一个词。`,
  noScript: '搜索需要浏览器启用 JavaScript。也可以在文章列表中浏览全部文章：',
  loading: '正在搜索…',
  loadFailed: '搜索暂时无法使用，请稍后再试，或浏览文章列表。',
  emptyTitle: '输入词语开始搜索',
  emptyHint: '可以搜索人名、地名、数字或一个短语，例如：',
  examples: ['家庭医生签约', '医养结合', '疫苗', '巨野', '援鄂', '急救电话'],
  /** n results, of which `stories` are feature stories (the rest articles). */
  found: (n: number, q: string, stories = 0) => {
    const noun = stories === 0 ? '文章' : stories === n ? '专题' : '文章和专题';
    const head = q ? `找到 ${n} 篇包含“${q}”的${noun}` : `共 ${n} 篇${noun}`;
    return stories > 0 && stories < n ? `${head}（其中专题 ${stories} 篇）` : head;
  },
  filteredFrom: (total: number) => `（筛选前 ${total} 篇）`,
  noResultsTitle: (q: string) => `没有找到包含“${q}”的文章或专题`,
  noResultsFiltered: '当前筛选条件下没有结果。',
  noResultsTips: ['检查是否有错别字', '换一个说法，或用更短的词', '多个词时，去掉其中一个试试'],
  clearFilters: '清除筛选',
  browseAll: '浏览全部文章',
  /** The button under a long list of results. */
  more: (left: number) => `显示更多结果（还有 ${left} 篇）`,
  filters: '筛选',
  filtersActive: (n: number) => `筛选（已选 ${n} 项）`,
  filtersNone: '没有可筛选的项。',
  filtersLoading: '正在载入筛选项…',
  filterNames: { 类型: '类型', 地区: '地区', 年份: '年份', 主题: '主题' },
  /** Values of the 类型 filter (also written into the index), by page type. */
  types: { article: '文章', story: '专题' },
  sort: '排序',
  sortOrders: { relevance: '相关度', newest: '年份：新到旧', oldest: '年份：旧到新' },
  resultMeta: (region: string, year: string) => `${region} · ${year}年`,
  /** A story's line under its title, after the type label: date and the places it covers. */
  storyMeta: (date: string, regions: string) => {
    const [year, month, day] = date.split('-').map(Number);
    return [`${year}年${month}月${day}日`, regions].filter(Boolean).join(' · ');
  },
  count: (n: number) => `${n} 篇`,
} as const;
