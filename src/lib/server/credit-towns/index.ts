/** Credit-town demonstration creation (信用街镇示范创建): applications, review, naming, figures. */
export * from './applications';
export { passes, passMarkOf } from './naming';
