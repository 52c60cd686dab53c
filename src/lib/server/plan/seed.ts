/** Reference data of the plan, ensured on every start: the departments and this year's tasks. */
import * as departments from './departments';
import * as tasks from './tasks';
import { todayISO } from '../../format';

export function seedReference(year = Number(todayISO().slice(0, 4))) {
	departments.seed();
	tasks.seed(year);
}
