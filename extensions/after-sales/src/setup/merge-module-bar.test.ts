import { expect, test } from 'vitest';
import { mergeModuleBar, type ModuleBarEntry } from './merge-module-bar';

const m = (id: string, enabled = true): ModuleBarEntry => ({ type: 'module', id, enabled });
const WANTED = [m('content'), m('after-sales-workbench'), m('users'), m('insights'), m('settings')];

test.each<[string, ModuleBarEntry[], ModuleBarEntry[] | null]>([
  [
    'a bar saved before the workbench existed gets it after content',
    [m('content'), m('users'), m('settings')],
    [m('content'), m('after-sales-workbench'), m('users'), m('settings')],
  ],
  [
    'an administrator who moved content keeps the order, the workbench follows content',
    [m('users'), m('content'), m('settings')],
    [m('users'), m('content'), m('after-sales-workbench'), m('settings')],
  ],
  ['without content the workbench goes first', [m('users'), m('settings')], [m('after-sales-workbench'), m('users'), m('settings')]],
  ['switched off by an administrator: stays off', [m('content'), m('after-sales-workbench', false), m('users')], null],
  ['moved to the end by an administrator: stays there', [m('content'), m('users'), m('after-sales-workbench')], null],
  ['a Directus module an administrator left out is not forced back', [m('content'), m('after-sales-workbench'), m('settings')], null],
])('%s', (_name, current, expected) => {
  expect(mergeModuleBar(current, WANTED, ['after-sales-workbench'])).toEqual(expected);
});
