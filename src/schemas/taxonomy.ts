import { z } from 'zod';

const pinyinSlug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase ASCII letters, digits and hyphens');

/** A county-level division (县, 区 or county-level 市). */
export const regionSchema = z.object({
  /** Official name as printed, with its suffix: 巨野县. */
  name: z.string().min(2),
  /** URL form of the name: juye. Unique across the whole taxonomy. */
  pinyin: pinyinSlug,
  /** Other printed forms that mean this region (the name without 县/区/市 is implied). */
  aliases: z.array(z.string().min(2)).default([]),
});

/** A prefecture-level city (地级市) and its regions. */
export const citySchema = z.object({
  /** Official name with 市: 菏泽市. */
  name: z.string().min(2),
  /** URL form: heze. */
  pinyin: pinyinSlug,
  regions: z.array(regionSchema),
});

/** A topic figures and stories are filed under. */
export const topicSchema = z.object({
  /** Stable ASCII id used in URLs and metric ids: elderly-care. */
  id: pinyinSlug,
  /** Chinese name shown to readers: 医养结合与老年健康. */
  name: z.string().min(2),
  /** Words whose presence in a figure's label or sentence files it under this topic. */
  keywords: z.array(z.string().min(1)).default([]),
});

export const taxonomySchema = z.object({
  province: z.string(),
  cities: z.array(citySchema).min(1),
  topics: z.array(topicSchema).min(1),
});

export type Region = z.infer<typeof regionSchema>;
export type City = z.infer<typeof citySchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Taxonomy = z.infer<typeof taxonomySchema>;
