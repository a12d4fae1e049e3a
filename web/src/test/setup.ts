import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { quietLiveSocket } from './live-socket.ts';

// No test reaches a real server: a screen's live socket never connects unless a test fakes one.
beforeEach(() => {
  quietLiveSocket();
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  window.history.replaceState(null, '', '/');
});
