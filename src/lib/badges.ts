/** What a badge's state means to a consumer, in words, for the scan page and the plaques. */
import { BADGE_STATE_LABEL, type BadgeLevel, type BadgeState } from './streets';

export { BADGE_LEVEL_LABEL, type BadgeLevel, type BadgeState } from './streets';

/** The state's word on the scan page and the plaques. */
export const STATE_LABEL = BADGE_STATE_LABEL;

/** The sentence under the state's word on the scan page; never names the old level. */
export const STATE_MEANING: Record<Exclude<BadgeState, 'valid'>, string> = {
	downgraded: '这块牌匾已降级，不再有效，请勿相信牌匾上的等级。',
	suspended: '这块牌匾已暂停使用，商户正在整改，目前不具备诚信商户资格。',
	revoked: '这块牌匾已撤销（摘牌），商户不再是诚信示范街认定商户。',
	expired: '这块牌匾已过有效期，商户尚未通过年度复审。'
};

export const ISSUER = '松江区社会信用体系建设领导小组办公室';

/** One plaque ready to print, as the server draws it and the print sheet lays it out. */
export type Plaque = {
	serial: string;
	level: BadgeLevel;
	validUntil: string;
	merchantId: number;
	merchantName: string;
	address: string;
	streetName: string;
	townName: string;
	qrSvg: string;
};

/** A merchant left off a print run, and why. */
export type NotPrinted = { merchantId: number; merchantName: string; why: string };
