/** Where the public pages link to pages other areas own, kept in one place. */

/** Consumer feedback about a merchant (the feedback form of the badges area). */
export function feedbackHref(merchantId: number): string {
	return `/merchants/${merchantId}/feedback`;
}
