import { createApi } from '@reduxjs/toolkit/query/react';
import { envelopeBaseQuery } from './baseQuery';

/**
 * The one RTK Query API of the dashboard. It defines no endpoints itself: each page adds its own
 * in its own file with `api.injectEndpoints` (and `api.enhanceEndpoints({ addTagTypes })` for
 * cache tags), see web/README.md.
 */
export const api = createApi({
  reducerPath: 'api',
  baseQuery: envelopeBaseQuery,
  endpoints: () => ({}),
});
