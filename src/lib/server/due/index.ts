/** Work due for the staff home, the merchant home and the navigation badge. */
import './items';

export { register, forUser, total, type DueItem, type DueSource } from './registry';
export { unhandledFlags } from './items';
export { markHandled } from './flags';
