'use client';

import { useId, type Ref } from 'react';
import { ID_TYPES, idNumberRule, type IdType } from '../../graphql/id-number';
import { format, type Messages } from '../i18n';

interface Props {
  t: Messages;
  idType: IdType;
  idNumber: string;
  onIdType: (idType: IdType) => void;
  onIdNumber: (idNumber: string) => void;
  /** What is wrong with the number, shown beside it; null when nothing is. */
  problem: string | null;
  inputRef?: Ref<HTMLInputElement>;
}

/** "Seleccione el tipo de identificación" and "Ingrese el número…": the lookup's and the application's. */
export function IdNumberFields({ t, idType, idNumber, onIdType, onIdNumber, problem, inputRef }: Props) {
  const ids = { type: useId(), number: useId(), hint: useId(), problem: useId() };
  // The hint follows the chosen type's rule (graphql/id-number.ts): a passport has letters too.
  const rule = idNumberRule(idType);
  const hint = format(t.lookup.idNumberHints[rule.alphabet], { min: rule.min, max: rule.max });
  return (
    <>
      <div className="field">
        <label htmlFor={ids.type}>{t.lookup.idTypeLabel}</label>
        <select id={ids.type} name="idType" value={idType} onChange={(e) => onIdType(e.target.value as IdType)}>
          {ID_TYPES.map((type) => (
            <option key={type} value={type}>
              {t.idTypes[type]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.number}>{t.lookup.idNumberLabel}</label>
        <input
          ref={inputRef}
          id={ids.number}
          name="idNumber"
          value={idNumber}
          onChange={(e) => onIdNumber(e.target.value)}
          inputMode={idType === 'PA' ? 'text' : 'numeric'}
          autoComplete="off"
          spellCheck={false}
          maxLength={32}
          required
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${ids.problem} ${ids.hint}` : ids.hint}
        />
        <p id={ids.hint} className="field__hint">
          {hint}
        </p>
        {problem && (
          <p id={ids.problem} className="field__error" role="status">
            {problem}
          </p>
        )}
      </div>
    </>
  );
}
