import { describe, expect, it } from 'vitest';
import { exampleActions } from '@/lib/actions/examples';
import { type CustomAction, MAX_ACTIONS, parseActions } from '@/lib/actions/schema';
import { exportActions, importActions } from '@/lib/actions/transfer';
import { testKey } from './helpers';

const mine: CustomAction[] = [
  { id: 'tldr', name: 'TL;DR', template: 'Three bullets: {{selection}}', placement: 'both' },
  {
    id: 'fix-grammar',
    name: 'Fix grammar',
    template: 'Fix the grammar of {{selection}}',
    placement: 'menu',
    provider: 'claude',
    model: 'claude-haiku-4-5',
  },
];
const file = (actions: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'grompt-actions', version: 1, actions, ...extra });
const none = new Set<string>();

describe('exporting and importing actions', () => {
  it('round-trips a good file: every field, in order', () => {
    const exported = exportActions(mine, new Date('2026-12-02T10:00:00Z'));
    expect(JSON.parse(exported)).toMatchObject({ format: 'grompt-actions', version: 1, exportedAt: '2026-12-02T10:00:00.000Z' });
    expect(importActions(exported, [], none)).toEqual({ ok: true, actions: mine, imported: 2 });
  });

  it('merges by id: an action already there is replaced in place, new ones follow', () => {
    const renamed = { ...mine[0], name: 'Too long; didn’t read' };
    const result = importActions(file([renamed, { id: 'new-one', name: 'New', template: 'Do it: {{selection}}' }]), mine, none);
    expect(result.ok && result.actions.map((action) => action.name)).toEqual(['Too long; didn’t read', 'Fix grammar', 'New']);
    expect(result.ok && result.actions[2]?.placement).toBe('both');
  });

  it('refuses a file that is not JSON', () => {
    expect(importActions('{"format": "grompt-actions", ', mine, none)).toEqual({ ok: false, problem: 'not-json' });
  });

  it.each([
    ['another kind of file', { name: 'settings' }],
    ['the wrong format name', { format: 'something-else', version: 1, actions: mine }],
    ['a newer version', { format: 'grompt-actions', version: 2, actions: mine }],
    ['no actions', { format: 'grompt-actions', version: 1, actions: [] }],
    ['actions that are not a list', { format: 'grompt-actions', version: 1, actions: { tldr: mine[0] } }],
  ])('refuses %s as a wrong format', (_case, content) => {
    expect(importActions(JSON.stringify(content), mine, none)).toEqual({ ok: false, problem: 'wrong-format' });
  });

  it('says which action is malformed, and which field', () => {
    expect(importActions(file([mine[0], { id: 'x', template: 'no name' }]), [], none)).toEqual({
      ok: false,
      problem: 'bad-action',
      index: 2,
      field: 'name',
    });
    expect(importActions(file([{ ...mine[0], placement: 'toolbar' }]), [], none)).toMatchObject({
      problem: 'bad-action',
      field: 'placement',
    });
    expect(importActions(file([{ ...mine[0], id: '../../etc' }]), [], none)).toMatchObject({ problem: 'bad-action', field: 'id' });
  });

  it('refuses a template holding a key, naming the action', () => {
    const leaky = { id: 'leaky', name: 'Leaky', template: `Use my key ${testKey('sk-proj-')} to {{selection}}` };
    expect(importActions(file([mine[0], leaky]), [], none)).toEqual({ ok: false, problem: 'key-shaped', name: 'Leaky', field: 'template' });
  });

  it('refuses a file with two actions under one id', () => {
    expect(importActions(file([mine[0], { ...mine[1], id: 'tldr' }]), [], none)).toEqual({
      ok: false,
      problem: 'duplicate-id',
      id: 'tldr',
    });
  });

  it('refuses a file that would go over the limit', () => {
    const many = Array.from({ length: MAX_ACTIONS }, (_, index) => ({ id: `a${index}`, name: `A${index}`, template: 'x' }));
    expect(importActions(file(many), mine, none)).toEqual({ ok: false, problem: 'too-many', count: MAX_ACTIONS + 2 });
  });

  it('drops a custom provider this browser does not have; keeps built-in and known ones', () => {
    const actions = [
      { ...mine[0], provider: 'custom:elsewhere', model: 'm' },
      { ...mine[1], id: 'b', provider: 'custom:here', model: 'n' },
      { ...mine[1], id: 'c' },
    ];
    const result = importActions(file(actions), [], new Set(['custom:here']));
    expect(result.ok && result.actions.map((action) => [action.provider, action.model])).toEqual([
      [undefined, undefined],
      ['custom:here', 'n'],
      ['claude', 'claude-haiku-4-5'],
    ]);
  });
});

describe('stored actions', () => {
  it('keep the valid ones in order and drop a bad or repeated one alone', () => {
    const stored = [mine[0], { ...mine[1], template: `Bearer ${testKey('')}` }, { ...mine[0], name: 'Copy' }, mine[1]];
    expect(parseActions(stored)).toEqual([mine[0], mine[1]]);
    expect(parseActions('not a list')).toEqual([]);
  });

  it.each(['en', 'pt-BR'] as const)('ship three examples that are valid actions (%s)', (language) => {
    const examples = exampleActions(language);
    expect(examples).toHaveLength(3);
    expect(parseActions(examples)).toEqual(examples);
    for (const example of examples) expect(example.template).toContain('{{selection}}');
  });
});
