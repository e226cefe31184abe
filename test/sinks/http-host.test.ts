import { parseHost } from '../../src/sinks/http-host.js';

describe('parseHost', () => {
  test.each([
    ['https://api.example.com/v1', true, 'api.example.com'],
    ['HTTPS://API.Example.COM', true, 'api.example.com'],
    ['http://localhost:3000/x', true, 'localhost'],
    ['//cdn.example.com/x.js', true, 'cdn.example.com'],
    ['wss://live.example.com', true, 'live.example.com'],
    ['https://u:p@h.example.com:8080/', true, 'h.example.com'],
    ['https://api.example.com/users?email=', false, 'api.example.com'],
    ['https://api.example.com', false, 'api.example.com'],
    ['https://api.', false, undefined],
    ['https://', false, undefined],
    ['/relative/path', true, undefined],
    ['api.example.com', true, undefined],
  ])('%s (complete: %s) → %s', (text, complete, host) => {
    expect(parseHost({ text, complete }, false)).toBe(host);
  });

  test('bare host names only where a host is expected', () => {
    expect(parseHost({ text: 'api.example.com', complete: true }, true)).toBe('api.example.com');
    expect(parseHost({ text: 'api.example.com:8443', complete: true }, true)).toBe('api.example.com');
    expect(parseHost({ text: 'not a host', complete: true }, true)).toBeUndefined();
  });
});
