import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { GraphQLContext } from '../../server/graphql/context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, yyyy-MM-dd, in America/Bogota time. */
  Date: { input: string; output: Date | string; }
};

export type Applicant = {
  __typename?: 'Applicant';
  fullName: Scalars['String']['output'];
  /** Normalized: no dots or spaces; a NIT as base-checkDigit. */
  idNumber: Scalars['String']['output'];
  idType: IdType;
};

export type CertificateRequestSummary = {
  __typename?: 'CertificateRequestSummary';
  /** Display name of the certificate type, e.g. "Profesional Titulado". */
  certificateType: Scalars['String']['output'];
  company?: Maybe<Scalars['String']['output']>;
  holderName: Scalars['String']['output'];
  /** Opaque handle for requestDetail: signed, expiring, bound to this lookup. */
  id: Scalars['ID']['output'];
  /** Fecha emisión. */
  issuedOn?: Maybe<Scalars['Date']['output']>;
  /** Orden Pedido No. With LOOKUP_SECOND_FACTOR=order-number only its last two digits show (••••43). */
  orderNumber: Scalars['String']['output'];
  project?: Maybe<Scalars['String']['output']>;
  requestNumber: Scalars['String']['output'];
  status: RequestStatus;
};

/** Colombian identity documents accepted for a certificate (minors' TI and RC are not: certificates are not issued to minors). */
export type IdType =
  /** Cédula de Ciudadanía: 3 to 10 digits. */
  | 'CC'
  /** Cédula de Extranjería: 3 to 12 digits. */
  | 'CE'
  /** NIT with its check digit (DIAN's modulo-11), e.g. 900123456-8 or 9001234568. */
  | 'NIT'
  /** Pasaporte: 3 to 20 letters and digits. */
  | 'PA'
  /** Permiso Especial de Permanencia: 5 to 20 digits. */
  | 'PEP'
  /** Permiso por Protección Temporal: 5 to 20 digits. */
  | 'PPT';

export type Query = {
  __typename?: 'Query';
  /**
   * The requests of the person with this identity document. Anonymous callers must send
   * the payload of a solved ALTCHA challenge (GET /captcha/challenge); each payload is good
   * for one lookup. No person or no requests is not an error: `requests` is empty.
   */
  certificateRequests: RequestLookup;
  /**
   * The detail of one request. `id` is the opaque handle a lookup returned; an unknown,
   * altered or expired handle answers NOT_FOUND. With LOOKUP_SECOND_FACTOR=order-number the
   * request's `orderNumber` is required too (a wrong one is NOT_FOUND as well).
   */
  requestDetail?: Maybe<RequestDetail>;
};


export type QueryCertificateRequestsArgs = {
  captchaToken?: InputMaybe<Scalars['String']['input']>;
  idNumber: Scalars['String']['input'];
  idType: IdType;
};


export type QueryRequestDetailArgs = {
  id: Scalars['ID']['input'];
  orderNumber?: InputMaybe<Scalars['String']['input']>;
};

export type RequestDetail = {
  __typename?: 'RequestDetail';
  holderName: Scalars['String']['output'];
  requestNumber: Scalars['String']['output'];
  /** 16 bytes, lowercase hex; null until the certificate is delivered. */
  serialNumber?: Maybe<Scalars['String']['output']>;
  /** Always five rows: FILING, PAYMENT, APPROVAL, DELIVERY, VALIDITY. */
  steps: Array<RequestStep>;
};

export type RequestLookup = {
  __typename?: 'RequestLookup';
  /** Null when nobody with that document is registered. */
  applicant?: Maybe<Applicant>;
  /** True when requestDetail needs the request's order number (LOOKUP_SECOND_FACTOR=order-number). */
  detailNeedsOrderNumber: Scalars['Boolean']['output'];
  /** Where a new request starts (the manual's "ingrese Aquí"). */
  newRequestUrl: Scalars['String']['output'];
  requests: Array<CertificateRequestSummary>;
};

export type RequestStatus =
  | 'CANCELLED'
  /** Trámite finalizado. */
  | 'COMPLETED'
  | 'IN_PROGRESS'
  | 'REJECTED';

export type RequestStep = {
  __typename?: 'RequestStep';
  /** The sentence shown to the applicant in "Información". */
  information: Scalars['String']['output'];
  invoiceUrl?: Maybe<Scalars['String']['output']>;
  kind: StepKind;
  modifiedOn?: Maybe<Scalars['Date']['output']>;
  state: StepState;
};

/** The steps of a request, always listed in this order (the manual's Paso1 to Paso4, then Vigencia). */
export type StepKind =
  | 'APPROVAL'
  | 'DELIVERY'
  | 'FILING'
  | 'PAYMENT'
  | 'VALIDITY';

export type StepState =
  | 'COMPLETED'
  | 'EXPIRED'
  | 'IN_PROGRESS'
  | 'NOT_ISSUED'
  | 'PENDING'
  | 'REJECTED'
  | 'REVOKED'
  | 'VALID';



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Applicant: ResolverTypeWrapper<Applicant>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CertificateRequestSummary: ResolverTypeWrapper<CertificateRequestSummary>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  IdType: IdType;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RequestDetail: ResolverTypeWrapper<RequestDetail>;
  RequestLookup: ResolverTypeWrapper<RequestLookup>;
  RequestStatus: RequestStatus;
  RequestStep: ResolverTypeWrapper<RequestStep>;
  StepKind: StepKind;
  StepState: StepState;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Applicant: Applicant;
  Boolean: Scalars['Boolean']['output'];
  CertificateRequestSummary: CertificateRequestSummary;
  Date: Scalars['Date']['output'];
  ID: Scalars['ID']['output'];
  Query: Record<PropertyKey, never>;
  RequestDetail: RequestDetail;
  RequestLookup: RequestLookup;
  RequestStep: RequestStep;
  String: Scalars['String']['output'];
};

export type ApplicantResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Applicant'] = ResolversParentTypes['Applicant']> = {
  fullName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  idNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  idType?: Resolver<ResolversTypes['IdType'], ParentType, ContextType>;
};

export type CertificateRequestSummaryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CertificateRequestSummary'] = ResolversParentTypes['CertificateRequestSummary']> = {
  certificateType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  company?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  holderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  orderNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  project?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['RequestStatus'], ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  certificateRequests?: Resolver<ResolversTypes['RequestLookup'], ParentType, ContextType, RequireFields<QueryCertificateRequestsArgs, 'idNumber' | 'idType'>>;
  requestDetail?: Resolver<Maybe<ResolversTypes['RequestDetail']>, ParentType, ContextType, RequireFields<QueryRequestDetailArgs, 'id'>>;
};

export type RequestDetailResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequestDetail'] = ResolversParentTypes['RequestDetail']> = {
  holderName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestNumber?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  serialNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['RequestStep']>, ParentType, ContextType>;
};

export type RequestLookupResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequestLookup'] = ResolversParentTypes['RequestLookup']> = {
  applicant?: Resolver<Maybe<ResolversTypes['Applicant']>, ParentType, ContextType>;
  detailNeedsOrderNumber?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  newRequestUrl?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requests?: Resolver<Array<ResolversTypes['CertificateRequestSummary']>, ParentType, ContextType>;
};

export type RequestStepResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RequestStep'] = ResolversParentTypes['RequestStep']> = {
  information?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  invoiceUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['StepKind'], ParentType, ContextType>;
  modifiedOn?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['StepState'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Applicant?: ApplicantResolvers<ContextType>;
  CertificateRequestSummary?: CertificateRequestSummaryResolvers<ContextType>;
  Date?: GraphQLScalarType;
  Query?: QueryResolvers<ContextType>;
  RequestDetail?: RequestDetailResolvers<ContextType>;
  RequestLookup?: RequestLookupResolvers<ContextType>;
  RequestStep?: RequestStepResolvers<ContextType>;
};

