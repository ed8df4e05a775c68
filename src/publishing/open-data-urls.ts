import { siteUrl } from '../site/site-url.ts';
import { openDataUrlsFor, type OpenDataUrls } from './open-data.ts';

/** The addresses the open data files point to, on this site. */
export const openDataUrls: OpenDataUrls = openDataUrlsFor(siteUrl());
