// altcha ships no types for its language packs; they only register strings on import.
declare module 'altcha/i18n/es-419';
declare module 'altcha/i18n/en';
