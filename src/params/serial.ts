import type { ParamMatcher } from '@sveltejs/kit';

/** A badge serial, SJ-YYYY-NNNNNN. */
export const match: ParamMatcher = (param) => /^SJ-\d{4}-\d{6}$/.test(param);
