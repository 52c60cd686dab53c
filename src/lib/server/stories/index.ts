/** The honesty story library (诚信故事): submissions, review, publication and event links. */
export * from './stories';
export * from './forms';
