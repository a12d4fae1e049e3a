import {
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInputObjectType,
  isListType,
  isScalarType,
} from 'graphql';
import { getMetadataStorage, type MiddlewareFn } from 'type-graphql';
import { badInputs, type FieldProblem } from '../platform/errors.ts';
import type { Context } from './context.ts';
import {
  ARG_RULES,
  type Checked,
  checkDate,
  checkText,
  DATE_RULE,
  type DateKind,
  DEFAULT_TEXT,
  TEXT_RULE,
  type TextRule,
} from './input-rules.ts';

type Rule = TextRule | DateKind | undefined;
type Holder = Record<string, unknown> | unknown[];

interface Walk {
  today: string;
  problems: FieldProblem[];
}

// Field paths as class-validator and the resolvers name them: within an input object argument its
// own fields (`shipTo.line1`), a scalar argument by its name (`reason`).
const pathOf = (parent: string, child: string | number) =>
  parent === '' ? String(child) : `${parent}.${child}`;

function checkLeaf(type: GraphQLInputType, value: unknown, rule: Rule, walk: Walk): Checked<unknown> | null {
  if (!isScalarType(type)) return null;
  if (type.name === 'LocalDate' && typeof value === 'string') {
    return checkDate(value, typeof rule === 'string' ? rule : 'CLINICAL', walk.today);
  }
  if ((type.name === 'String' || type.name === 'ID') && typeof value === 'string') {
    return checkText(value, typeof rule === 'object' ? rule : DEFAULT_TEXT);
  }
  return null;
}

/** Checks `holder[key]` (and everything inside it) by its GraphQL type, writing back trimmed text. */
function visit(
  holder: Holder,
  key: string | number,
  type: GraphQLInputType,
  rule: Rule,
  path: string,
  walk: Walk,
) {
  const value = (holder as Record<string | number, unknown>)[key];
  if (value === null || value === undefined) return;
  const inner = getNullableType(type) as GraphQLInputType;
  if (isListType(inner)) {
    if (!Array.isArray(value)) return;
    value.forEach((_item, index) => {
      visit(value, index, inner.ofType as GraphQLInputType, rule, pathOf(path, index), walk);
    });
    return;
  }
  if (isInputObjectType(inner)) {
    if (typeof value !== 'object') return;
    for (const field of Object.values(inner.getFields())) {
      const fieldRule = (field.extensions[TEXT_RULE] ?? field.extensions[DATE_RULE]) as Rule;
      visit(
        value as Record<string, unknown>,
        field.name,
        field.type,
        fieldRule,
        pathOf(path, field.name),
        walk,
      );
    }
    return;
  }
  const checked = checkLeaf(inner, value, rule, walk);
  if (checked === null) return;
  if ('problem' in checked) walk.problems.push({ field: path, message: checked.problem });
  else (holder as Record<string | number, unknown>)[key] = checked.value;
}

/**
 * Applies the input rules (input-rules.ts) to every argument of every field, before argument
 * classes are built and validated: text length and control characters, required text trimmed and
 * not blank, plausible dates. Every refusal is BAD_USER_INPUT naming the fields (`shipTo.line1`).
 */
export const inputGuard: MiddlewareFn<Context> = async ({ args, info, context }, next) => {
  const field = info.parentType.getFields()[info.fieldName];
  if (field === undefined || field.args.length === 0) return next();
  const argRules = (field.extensions[ARG_RULES] ?? {}) as Record<string, Rule>;
  const walk: Walk = { today: context.clock.today(), problems: [] };
  for (const arg of field.args as readonly GraphQLArgument[]) {
    const path = isInputObjectType(getNamedType(arg.type)) ? '' : arg.name;
    visit(args, arg.name, arg.type, argRules[arg.name], path, walk);
  }
  if (walk.problems.length > 0) throw badInputs(walk.problems);
  return next();
};

interface ResolverParam {
  // biome-ignore lint/complexity/noBannedTypes: type-graphql's metadata names classes as Function
  target: Function;
  methodName: string;
  kind: string;
}

let guarding = false;

/**
 * Gives `inputGuard` to every resolver that takes an argument, as that field's first middleware,
 * rather than to the whole schema: type-graphql runs a global middleware on every field of every
 * object returned — each property of a worklist's 480 items, through a chain of promises, for no
 * argument at all (issue #16) — while a field without middleware resolves directly. The guard runs
 * where it ran (after the role check, before anything else). Once per process, before buildSchema.
 */
export function guardArgumentResolvers(): void {
  if (guarding) return;
  guarding = true;
  const storage = getMetadataStorage() as unknown as {
    params: ResolverParam[];
    middlewares: {
      target: ResolverParam['target'];
      fieldName: string;
      middlewares: MiddlewareFn<Context>[];
    }[];
  };
  const fields = new Map<ResolverParam['target'], Set<string>>();
  for (const { target, methodName, kind } of storage.params) {
    if (kind !== 'arg' && kind !== 'args') continue;
    fields.set(target, (fields.get(target) ?? new Set()).add(methodName));
  }
  // Before any middleware a field declares itself, as the global one ran.
  storage.middlewares.unshift(
    ...[...fields].flatMap(([target, names]) =>
      [...names].map((fieldName) => ({ target, fieldName, middlewares: [inputGuard] })),
    ),
  );
}

/**
 * type-graphql drops the extensions of fields an input class inherits (PatientDetailsInput's into
 * RegisterPatientInput, OrderVersionInput's into ReasonedOrderInput), so their rules would be lost:
 * copies each inherited field's rule onto the schema's field. Call once on the built schema.
 */
export function keepInheritedInputRules(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  for (const input of storage.inputTypes) {
    const type = schema.getType(input.name);
    if (!isInputObjectType(type)) continue;
    const fields = type.getFields();
    for (
      let parent = Object.getPrototypeOf(input.target);
      parent !== null && parent !== Function.prototype;
    ) {
      for (const declared of storage.fields.filter(
        (f) => f.target === parent && f.extensions !== undefined,
      )) {
        const field = fields[declared.name];
        if (field !== undefined && Object.keys(field.extensions).length === 0) {
          Object.assign(field, { extensions: declared.extensions });
        }
      }
      parent = Object.getPrototypeOf(parent);
    }
  }
  return schema;
}
