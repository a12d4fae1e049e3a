import { describe, expect, it } from 'vitest';
import { qrPath } from './QrCode.tsx';

describe('qrPath', () => {
  it('draws a QR code with its quiet zone, the same for the same text', () => {
    const { size, path } = qrPath('http://localhost:4000/r/abc');
    // Version 2 or more (25+ modules) for a URL of this length, plus 4 modules of margin each side.
    expect(size).toBeGreaterThanOrEqual(33);
    // The finder pattern's corner module (top left) is dark, just inside the quiet zone.
    expect(path.startsWith('M4 4h1v1h-1z')).toBe(true);
    expect(qrPath('http://localhost:4000/r/abc').path).toBe(path);
    expect(qrPath('http://localhost:4000/r/abd').path).not.toBe(path);
  });
});
