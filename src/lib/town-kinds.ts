export const KIND_LABEL = {
	subdistrict: '街道',
	town: '镇',
	park: '园区'
} as const;
