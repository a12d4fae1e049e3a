import { describe, expect, it } from 'vitest';
import { socketUrlFor } from './live.ts';

const page = (href: string) => new URL(href) as unknown as Location;

describe('the live socket’s address', () => {
  it.each([
    ['/graphql', 'http://localhost:4000/trials/1', 'ws://localhost:4000/graphql'],
    ['/graphql', 'https://ldn.clinic.example/orders/2', 'wss://ldn.clinic.example/graphql'],
    ['http://localhost/graphql', 'http://localhost:3000/', 'ws://localhost/graphql'],
  ])('is %s over ws: or wss: as the page at %s is served', (url, href, expected) => {
    expect(socketUrlFor(url, page(href))).toBe(expected);
  });
});
