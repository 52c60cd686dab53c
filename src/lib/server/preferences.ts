/** Display preferences kept in cookies, applied when the page is rendered. */
export const LARGE_TEXT_COOKIE = 'cx_large_text';
