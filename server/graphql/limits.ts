import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { messages } from '../messages.js';

/**
 * Bounds on what one operation may ask (graphql-armor): the real queries are three levels
 * deep, a few dozen tokens, one lookup. Anything far past that is an attack, refused at
 * validation, before a resolver runs.
 */
const MAX_TOKENS = 1_000;

export function queryLimits<TContext extends object>() {
  const armor = new ApolloArmor({
    maxDepth: { n: 6, flattenFragments: true },
    maxAliases: { n: 5 },
    maxDirectives: { n: 5 },
    // Counted by graphql's own parser instead (parseOptions.maxTokens): armor's token plugin
    // re-parses in a hook, and Apollo takes any syntax error thrown there for a 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: 500, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    // Suggestions of every kind (fields, arguments, types, enum values) are stripped in formatError.
    blockFieldSuggestion: { enabled: false },
  });
  const protection = armor.protect();
  // graphql-armor's types name Apollo's CommonJS build; the plugins are the same objects under ESM.
  const plugins = protection.plugins as unknown as ApolloServerPlugin<TContext>[];
  return { plugins, validationRules: [...protection.validationRules, singleLookup, noSubscriptions], parseOptions: { maxTokens: MAX_TOKENS } };
}

/** Aliases must not batch lookups: one `certificateRequests` per operation, fragments included. */
export function singleLookup(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
      let lookups = 0;
      const seen = new Set<string>();
      const visit = (set: SelectionSetNode) => {
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD && selection.name.value === 'certificateRequests') lookups++;
          else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
          else if (selection.kind === Kind.FRAGMENT_SPREAD && !seen.has(selection.name.value)) {
            seen.add(selection.name.value);
            const fragment = fragments.get(selection.name.value);
            if (fragment) visit(fragment.selectionSet);
          }
        }
      };
      visit(operation.selectionSet);
      if (lookups > 1) context.reportError(new GraphQLError(messages.ONE_LOOKUP_PER_OPERATION, { nodes: operation }));
    },
  };
}

/** The schema has no subscriptions; graphql-js would only find out while executing, as an uncoded error. */
export function noSubscriptions(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(operation) {
      if (operation.operation === 'subscription' && !context.getSchema().getSubscriptionType()) {
        context.reportError(new GraphQLError(messages.NO_SUBSCRIPTIONS, { nodes: operation }));
      }
    },
  };
}
