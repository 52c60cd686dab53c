/** Words for publicity events, shared by the schema, the forms and the pages. */

/** The two admin-kept lists an event picks from: its theme (主题) and its form (形式). */
export const EVENT_OPTION_KINDS = ['theme', 'form'] as const;
export type EventOptionKind = (typeof EVENT_OPTION_KINDS)[number];

export const OPTION_KIND_LABEL: Record<EventOptionKind, string> = {
	theme: '活动主题',
	form: '活动形式'
};
