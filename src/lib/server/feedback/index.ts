/** Consumer feedback: limits, the queue, decisions, replies, and the form action that takes it in. */
export * from './feedback';
export * as action from './action';
export * as receipts from './receipts';
