/**
 * The public map's layer of named metrology demonstration units with their fair scales. Popups
 * are built as DOM nodes with text content, never as HTML strings, so no name can inject markup.
 */
import type { LatLngExpression, Map as LMap } from 'leaflet';
import { UNIT_KIND_LABEL, type UnitKind } from '$lib/metrology';

export type UnitPoint = {
	id: number;
	name: string;
	kind: UnitKind;
	townName: string;
	lat: number;
	lng: number;
	fairScales: number;
	overdue: number;
};

function popup(u: UnitPoint): HTMLElement {
	const box = document.createElement('div');
	box.className = 'cx-popup';
	const title = document.createElement('strong');
	title.textContent = u.name;
	const meta = document.createElement('span');
	meta.textContent = `诚信计量示范单位 · ${UNIT_KIND_LABEL[u.kind]} · ${u.townName}`;
	const scales = document.createElement('span');
	scales.textContent = u.fairScales ? `公平秤 ${u.fairScales} 台` : '未设公平秤';
	box.append(title, meta, scales);
	if (u.overdue) {
		const warn = document.createElement('span');
		warn.className = 'cx-overdue';
		warn.style.color = '#c8161d';
		warn.textContent = `${u.overdue} 件计量器具检定超期`;
		box.append(warn);
	}
	const link = document.createElement('a');
	link.href = `/metrology/${u.id}`;
	link.textContent = '查看示范单位';
	box.append(link);
	return box;
}

/** Fetches the named units and draws them on `map` as their own layer; returns the layer. */
export async function addMetrologyLayer(
	L: typeof import('leaflet'),
	map: LMap,
	pt: (lat: number, lng: number) => LatLngExpression
) {
	const layer = L.layerGroup().addTo(map);
	try {
		const res = await fetch('/api/v1/metrology-units/map');
		if (!res.ok) return layer;
		const units = (await res.json()) as { items: UnitPoint[] };
		for (const u of units.items) {
			const tip = document.createElement('span');
			tip.textContent = `${u.name}（公平秤 ${u.fairScales} 台）`;
			L.marker(pt(u.lat, u.lng), {
				title: u.name,
				alt: `诚信计量示范单位：${u.name}`,
				icon: L.divIcon({ className: 'cx-unit', html: '秤', iconSize: [28, 28] })
			})
				.bindTooltip(tip)
				.bindPopup(() => popup(u))
				.addTo(layer);
		}
	} catch {
		// The map works without this layer.
	}
	return layer;
}
