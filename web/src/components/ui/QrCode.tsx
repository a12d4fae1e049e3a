import { create } from 'qrcode';

/** The dark modules of a QR code as one SVG path (a 1×1 square each), with a 4-module quiet zone. */
export function qrPath(text: string): { size: number; path: string } {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const squares: string[] = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let col = 0; col < modules.size; col += 1) {
      if (modules.get(row, col) === 1) squares.push(`M${col + 4} ${row + 4}h1v1h-1z`);
    }
  }
  return { size: modules.size + 8, path: squares.join('') };
}

/**
 * A QR code drawn in the page as SVG (no image URL, no network: the CSP allows it and it works
 * offline), to print or show for a phone to scan. `label` says what it opens.
 */
export function QrCode({ text, label, pixels = 200 }: { text: string; label: string; pixels?: number }) {
  const { size, path } = qrPath(text);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${size} ${size}`}
      width={pixels}
      height={pixels}
      shapeRendering="crispEdges"
      className="qr-code"
    >
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
