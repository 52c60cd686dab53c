/** Honesty stories, from a town slug and a few words to a valid submission. */
import * as stories from '../stories';
import * as towns from '../towns';
import type { Actor } from '../actor';
import type { StoryEditInput, StorySubmitInput } from '../../schemas/stories';

export type StorySpec = Partial<Omit<StorySubmitInput, 'townId'>> & { town?: string };

let n = 0;

export function storyInput(spec: StorySpec = {}): StorySubmitInput {
	n += 1;
	const t = towns.bySlug(spec.town ?? 'sheshan');
	if (!t) throw new Error(`unknown town ${spec.town}`);
	return {
		title: spec.title ?? `${t.name}的诚信小事 ${n}`,
		subjectKind: spec.subjectKind ?? 'person',
		subjectName: spec.subjectName ?? '王阿姨',
		townId: t.id,
		body:
			spec.body ??
			'菜场摊主发现多收了顾客五元钱，第二天一早专门等在菜场门口把钱还给了顾客，邻里都夸她实在。',
		source: spec.source ?? '亲身经历',
		tags: spec.tags ?? ['诚信经营'],
		contactName: spec.contactName ?? '',
		contactPhone: spec.contactPhone ?? ''
	};
}

/** A story sent by a resident, then reviewed and published by `actor`. */
export function makePublishedStory(actor: Actor, spec: StorySpec = {}, now = new Date()) {
	const sent = stories.submit(storyInput(spec), [], now);
	return { ...stories.decide(actor, sent.story.id, 'publish', '', now), token: sent.token };
}

export function storyEditInput(spec: StorySpec & { linkUscc?: string } = {}): StoryEditInput {
	return {
		...stories.without(storyInput(spec), 'contactName', 'contactPhone'),
		linkUscc: spec.linkUscc ?? ''
	};
}
