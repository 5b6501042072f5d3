import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, getVariableValues, GraphQLError, type ExecutionResult, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import { EXECUTED, type Executed, type KnownOperations } from './known-operations.js';

/**
 * Apollo Server with operations compiled by graphql-jit instead of interpreted by graphql-js:
 * each distinct operation is compiled once into a function and run as such afterwards, about
 * five times cheaper than graphql-js's `execute` on our lookup (BENCHMARKS.md). Apollo keeps
 * everything else — parsing, its document cache, validation (with our limits), plugins, error
 * formatting — and hands execution over through its gateway interface, the extension point
 * it offers for a custom executor.
 *
 * The compiled query coerces the variables itself; when it refuses them, graphql-js coerces them
 * again to word the refusal, so a bad variable gets graphql-js's own error, which Apollo
 * recognizes and answers as BAD_USER_INPUT with HTTP 400.
 */
export function jitGateway(schema: GraphQLSchema, known: KnownOperations): GatewayInterface {
  const executor: GatewayExecutor = async ({ document, operationName, operation, request, context }) => {
    // Already run by the fast path, which hands Apollo the result to answer (known-operations.ts).
    const executed = (context as { [EXECUTED]?: Executed })[EXECUTED];
    if (executed) {
      // The fast path runs only what Apollo resolved before under the same text and name.
      if (!operation || executed.operationName !== (operation.name?.value ?? null)) throw new Error('the fast path handed over an operation Apollo does not resolve');
      if ('thrown' in executed) throw executed.thrown;
      return executed.result;
    }
    const variables = request.variables ?? {};
    // No operation to run (none named so, or several and no name): graphql-js says why, in the
    // words Apollo turns into OPERATION_RESOLUTION_FAILURE, without executing anything.
    if (!operation) return execute({ schema, document, operationName: request.operationName, variableValues: variables, contextValue: context });

    // Compiled once per text and name, in the bounded table the fast path answers from. A text's
    // first coming is interpreted by graphql-js (the plain path's own executor): only a text that
    // comes back is compiled, and one the table does not keep is interpreted every time.
    const text = typeof request.query === 'string' ? request.query : null;
    let compiled = text === null ? undefined : known.find(text, request.operationName);
    if (!compiled && (text === null || !known.worthCompiling(text))) {
      return execute({ schema, document, operationName: request.operationName, variableValues: variables, contextValue: context });
    }
    if (!compiled) {
      const query = compileQuery(schema, document, operationName ?? undefined);
      if (!isCompiledQuery(query)) return query;
      known.counts.compiled++;
      compiled = { name: operation.name?.value ?? null, run: async (contextValue, values) => finish(await query.query(undefined, contextValue, values), values, operation) };
      // Apollo has parsed and validated this text (with our limits): the fast path may run it from now on.
      known.learn(text!, request.operationName, compiled);
    }
    return compiled.run(context, variables);
  };

  function finish(result: ExecutionResult, variables: Record<string, unknown>, operation: OperationDefinitionNode): ExecutionResult {
    if (!('data' in result)) {
      // Only refused variables leave no data at all (nothing was executed): graphql-js words the refusal.
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    if (result.errors) return { ...result, errors: result.errors.map(asGraphqlJsError) };
    return result;
  }

  return {
    load: async () => ({ schema, executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    stop: async () => known.clear(),
  };
}

/**
 * graphql-jit's errors are read-only look-alikes of graphql-js's; Apollo's plugins (graphql-armor's
 * suggestion masking among them) rewrite messages in place. The same error as graphql-js makes it.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const copy = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  if (error.locations) Object.assign(copy, { locations: error.locations });
  return copy;
}
