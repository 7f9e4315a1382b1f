/**
 * The articles collection in reading order, indexed once per build for the article pages'
 * neighbours and related articles (src/lib/archive.ts); with thousands of articles, sorting the
 * whole archive again for every page made the build grow with the square of its size.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { indexArchive, type ArchiveIndex } from '../lib/archive.ts';
import { loadTaxonomy } from '../lib/taxonomy.ts';

let loading: Promise<ArchiveIndex<CollectionEntry<'articles'>>> | undefined;

const load = async () => indexArchive(await getCollection('articles'), loadTaxonomy().topics);

export function loadArchiveIndex(): Promise<ArchiveIndex<CollectionEntry<'articles'>>> {
  // The dev server re-reads on every request, so edited articles show without a restart.
  if (import.meta.env.DEV) return load();
  loading ??= load();
  return loading;
}
