/** Consumer feedback, sent the way the scan page and the merchant page send it. */
import * as feedback from '../feedback';

export function feedbackInput(
	merchantId: number,
	over: Partial<feedback.SubmitInput> = {}
): feedback.SubmitInput {
	return {
		source: 'scan',
		merchantId,
		category: 'weight',
		body: '买了两斤橘子，回家一称只有一斤七两。',
		phone: '13812341234',
		...over
	};
}

let n = 0;

/** Feedback from a new client (so no limit is hit), or undefined when the domain drops it. */
export function makeFeedback(
	merchantId: number,
	over: Partial<feedback.SubmitInput> = {},
	now = new Date(),
	clientKey = `client-${++n}`
) {
	return feedback.submit(clientKey, feedbackInput(merchantId, over), now);
}
