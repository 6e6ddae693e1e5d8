import { readFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { compileFunction } from 'node:vm';

/** The part of linkedom the ingest stage calls. */
export interface Linkedom {
  parseHTML(html: string): unknown;
}

const require = createRequire(import.meta.url);
/** Marks the event-target module this loader compiled, so that a later load knows the edit is in. */
const LAZY_LISTENER_TABLES = Symbol.for('briefing.linkedom.lazy-listener-tables');

let linkedom: Linkedom | undefined;

/**
 * linkedom, loaded on first use, with one change: a node's table of event
 * listeners is made when a listener is first added, not when the node is.
 *
 * linkedom's `EventTarget` constructor gives every node it makes (element,
 * text, comment, attribute) a `Map` of its own, held in a `WeakMap` keyed by
 * the node. A news page is tens of thousands of nodes and no listener; those
 * maps and the weak map's entries, which the collector traces one by one,
 * took a third of the extraction time of the extraction benchmark's pages.
 * The edit is three lines of linkedom's own `event-target.js` (see
 * {@link lazyListenerTables}), compiled in its place before linkedom first
 * loads it; when the installed linkedom's file is not the one this edit was
 * made for, linkedom loads as it is.
 */
export function loadLinkedom(): Linkedom {
  if (linkedom) return linkedom;
  const eventTarget = eventTargetFile();
  if (require.cache[eventTarget] === undefined) preload(eventTarget);
  linkedom = require('linkedom') as Linkedom;
  return linkedom;
}

/** Whether the loaded linkedom makes listener tables on demand (false before {@link loadLinkedom}, or when its file did not take the edit). */
export function linkedomHasLazyListenerTables(): boolean {
  return (require.cache[eventTargetFile()] as (Module & { [LAZY_LISTENER_TABLES]?: boolean }) | undefined)?.[LAZY_LISTENER_TABLES] === true;
}

/** The installed linkedom's `event-target.js`, as its own `require` names it. */
function eventTargetFile(): string {
  return join(dirname(require.resolve('linkedom')), 'interface', 'event-target.js');
}

/** Compiles the edited `event-target.js` into the module cache, where linkedom's `require` finds it. */
function preload(file: string): void {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const edited = lazyListenerTables(source);
  if (edited === undefined) return;
  const module = new Module(file) as Module & { [LAZY_LISTENER_TABLES]?: boolean };
  module.filename = file;
  const body = compileFunction(edited, ['exports', 'require', 'module', '__filename', '__dirname'], { filename: file });
  body.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  module[LAZY_LISTENER_TABLES] = true;
  require.cache[file] = module;
}

/**
 * linkedom's `event-target.js` with listener tables made on demand: the
 * constructor makes none, `addEventListener` makes one when there is none,
 * and `removeEventListener` does nothing on a node without one (dispatching
 * already skips such a node). Undefined when `source` is not the file this
 * edit was written for: every one of its three places, and the dispatch's
 * check, must be found exactly once, and the table must be read and written
 * nowhere else.
 */
export function lazyListenerTables(source: string): string | undefined {
  const edits: [RegExp, string][] = [
    [/constructor\(\)\s*\{\s*wm\.set\(this,\s*new Map\);?\s*\}/g, 'constructor() {}'],
    [/(addEventListener\(type,\s*listener,\s*options\)\s*\{\s*)const map = wm\.get\(this\);/g, '$1let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);'],
    [/(removeEventListener\(type,\s*listener\)\s*\{\s*const map = wm\.get\(this\);\s*if \()map\.has\(type\)\)/g, '$1map && map.has(type))'],
  ];
  const dispatchSkipsNodesWithoutTable = /const map = wm\.get\(currentTarget\);\s*if \(map && map\.has\(this\.type\)\)/g;
  const count = (pattern: RegExp) => source.match(pattern)?.length ?? 0;
  if (count(/\bwm\.set\(/g) !== 1 || count(/\bwm\.get\(/g) !== 3 || count(dispatchSkipsNodesWithoutTable) !== 1) return undefined;
  if (edits.some(([pattern]) => count(pattern) !== 1)) return undefined;
  return edits.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), source);
}
