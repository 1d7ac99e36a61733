/** A rectangle of the map container, in CSS pixels. */
export interface Area {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Must match site.css: the detail panel's right edge and the layer panel's width on desktop. */
const DESKTOP_COVERED = { left: 400, right: 340 };
/** Must match site.css: on phones the detail sheet covers the lower 60 %. */
const PHONE_SHEET_SHARE = 0.6;
/** Narrower than this, the free area is not worth it: use the whole map. */
const MIN_FREE_WIDTH = 160;

/**
 * The part of the map that the detail panel and the layer panel leave visible, where a
 * selected entity and its popup should be.
 * @example freeArea({ width: 1280, height: 748 }, false) // { left: 400, right: 940, top: 0, bottom: 748 }
 */
export function freeArea(size: { width: number; height: number }, isPhone: boolean): Area {
  if (isPhone)
    return { left: 0, top: 0, right: size.width, bottom: size.height * (1 - PHONE_SHEET_SHARE) };
  const area = {
    left: DESKTOP_COVERED.left,
    top: 0,
    right: size.width - DESKTOP_COVERED.right,
    bottom: size.height,
  };
  return area.right - area.left < MIN_FREE_WIDTH
    ? { left: 0, top: 0, right: size.width, bottom: size.height }
    : area;
}

/**
 * The camera offset (for `map.easeTo({ center, offset })`) that puts the centre of the map at the
 * centre of the free area.
 */
export function freeAreaOffset(
  area: Area,
  size: { width: number; height: number },
): [number, number] {
  return [
    (area.left + area.right) / 2 - size.width / 2,
    (area.top + area.bottom) / 2 - size.height / 2,
  ];
}

/**
 * True when a screen point lies in the area, at least `margin` px inside its edges.
 * @example isInside({ x: 500, y: 300 }, area, 40)
 */
export function isInside(point: { x: number; y: number }, area: Area, margin = 40): boolean {
  return (
    point.x >= area.left + margin &&
    point.x <= area.right - margin &&
    point.y >= area.top + margin &&
    point.y <= area.bottom - margin
  );
}
