/**
 * The merchant's own area and the loop around a rating: merchant accounts' scope, replies under
 * moderation, re-inspection requests, appeals, signed commitments, and the merchant's home.
 */
export * from './scope';
export * as replies from './replies';
export * as reinspections from './reinspections';
export * as appeals from './appeals';
export * as commitments from './commitments';
export * as home from './home';
