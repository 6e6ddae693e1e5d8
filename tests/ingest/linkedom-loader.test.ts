import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lazyListenerTables, linkedomHasLazyListenerTables, loadLinkedom } from '../../src/ingest/linkedom-loader.js';

interface Listening {
  addEventListener(type: string, listener: (event: { type: string }) => void, options?: { once?: boolean }): void;
  removeEventListener(type: string, listener: (event: { type: string }) => void): void;
  dispatchEvent(event: unknown): boolean;
  onclick: ((event: unknown) => void) | null;
  click(): void;
}
interface Window {
  document: { getElementById(id: string): Listening; addEventListener: Listening['addEventListener'] };
  Event: new (type: string, init?: { bubbles?: boolean }) => { type: string };
}

const require = createRequire(import.meta.url);
const installedEventTarget = () => readFileSync(join(dirname(require.resolve('linkedom')), 'interface', 'event-target.js'), 'utf8');

describe('loading linkedom with listener tables made on demand', () => {
  it('takes the edit on the installed linkedom', () => {
    // Fails when an upgrade of linkedom changes the file: the edit must then be written again (or dropped, if linkedom made the change).
    const edited = lazyListenerTables(installedEventTarget());
    expect(edited).toBeDefined();
    expect(edited).not.toMatch(/constructor\(\)\s*\{\s*wm\.set/);
    expect(edited).toMatch(/if \(!map\) wm\.set\(this, map = new Map\);/);
    loadLinkedom();
    expect(linkedomHasLazyListenerTables()).toBe(true);
  });

  it('leaves a file it was not written for alone', () => {
    const source = installedEventTarget();
    expect(lazyListenerTables('class DOMEventTarget {}')).toBeUndefined();
    // Another place that reads the table: the edit would no longer cover every use.
    expect(lazyListenerTables(`${source}\nfunction also(node) { return wm.get(node).size; }`)).toBeUndefined();
    // Dispatching no longer skips a node without a table.
    expect(lazyListenerTables(source.replace('if (map && map.has(this.type))', 'if (map.has(this.type))'))).toBeUndefined();
  });

  it('still delivers events: listeners added, bubbled to, run once, removed, and set as on-properties', () => {
    const { parseHTML } = loadLinkedom();
    const window = parseHTML('<html><body><div id="outer"><p id="inner">text</p><button id="button">go</button></div></body></html>') as Window;
    const outer = window.document.getElementById('outer');
    const inner = window.document.getElementById('inner');
    const heard: string[] = [];
    const onOuter = (event: { type: string }) => heard.push(`outer:${event.type}`);
    outer.addEventListener('ping', onOuter);
    inner.addEventListener('ping', (event) => heard.push(`inner:${event.type}`), { once: true });
    window.document.addEventListener('ping', (event) => heard.push(`document:${event.type}`));

    inner.dispatchEvent(new window.Event('ping', { bubbles: true }));
    inner.dispatchEvent(new window.Event('ping', { bubbles: true }));
    expect(heard).toEqual(['inner:ping', 'outer:ping', 'document:ping', 'outer:ping', 'document:ping']);

    heard.length = 0;
    outer.removeEventListener('ping', onOuter);
    // A node that never had a listener: removing one is no error.
    inner.removeEventListener('ping', onOuter);
    inner.dispatchEvent(new window.Event('ping', { bubbles: true }));
    expect(heard).toEqual(['document:ping']);

    const button = window.document.getElementById('button');
    let clicks = 0;
    button.onclick = () => (clicks += 1);
    button.click();
    button.onclick = null;
    button.click();
    expect(clicks).toBe(1);
  });
});
