/**
 * jsdom has no layout engine: ranges report no boxes and nothing sits at a point. ProseMirror asks
 * for them only to scroll the selection into view and to read coordinates, which this test never
 * looks at; give it empty boxes so that those calls succeed.
 */
const emptyRect = (): DOMRect =>
  ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    bottom: 0,
    right: 0,
    width: 0,
    height: 0,
    toJSON: () => ({}),
  }) as DOMRect;
const emptyRects = (): DOMRectList =>
  Object.assign([], { item: () => null }) as unknown as DOMRectList;

Range.prototype.getBoundingClientRect = emptyRect;
Range.prototype.getClientRects = emptyRects;
Element.prototype.getClientRects = emptyRects;
document.elementFromPoint = () => null;
