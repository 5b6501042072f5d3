import type { CodegenConfig } from '@graphql-codegen/cli';

// One contract, two outputs: resolver types for server/, typed documents for app/.
const config: CodegenConfig = {
  schema: 'graphql/schema/*.graphql',
  documents: ['app/**/*.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'graphql/generated/resolvers-types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        contextType: '../../server/graphql/context.js#GraphQLContext',
        scalars: { Date: { input: 'string', output: 'Date | string' }, DateTime: { input: 'string', output: 'Date | string' } },
        // History rows and proposals go out as the services answer them; their stages are the machine's names.
        mappers: { RequestEvent: '../../entities/RequestEvent.js#RequestEvent as RequestEventRow', MoveProposal: '../../server/lifecycle/refusals.js#ProposalView' },
      },
    },
    'graphql/generated/client/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Date: 'string', DateTime: 'string' } },
    },
  },
};

export default config;
