import { describe, expect, it } from 'vitest';
import { operatorFromClaims, safeReturnTo } from '../../server/operators/oidc-sign-in.js';

describe("the console's operator from a token's claims", () => {
  it('names the operator by name, else preferred_username, with id oidc:<sub>', () => {
    expect(operatorFromClaims({ sub: 'a1', name: 'Laura Operadora', preferred_username: 'laura', roles: ['ssps-operator'] }, 'roles')).toEqual({
      id: 'oidc:a1',
      name: 'Laura Operadora',
      roles: ['ssps-operator'],
      via: 'session',
    });
    expect(operatorFromClaims({ sub: 'a1', preferred_username: 'laura', roles: ['ssps-operator'] }, 'roles')?.name).toBe('laura');
  });

  it('gives a supervisor both powers, reads a nested or space-separated claim, and refuses anyone without a console role', () => {
    expect(operatorFromClaims({ sub: 'b', realm_access: { roles: ['ssps-supervisor'] } }, 'realm_access.roles')?.roles).toEqual(['ssps-operator', 'ssps-supervisor']);
    expect(operatorFromClaims({ sub: 'b', roles: 'otro ssps-operator' }, 'roles')?.roles).toEqual(['ssps-operator']);
    expect(operatorFromClaims({ sub: 'c', roles: ['contabilidad'] }, 'roles')).toBeNull();
    expect(operatorFromClaims({ sub: 'c' }, 'roles')).toBeNull();
    expect(operatorFromClaims({ roles: ['ssps-operator'] }, 'roles')).toBeNull();
  });

  it('returns only to a path of the console', () => {
    expect(safeReturnTo('/operaciones/cola?estado=pago')).toBe('/operaciones/cola?estado=pago');
    for (const elsewhere of ['https://evil.example/operaciones', '//evil.example', '/operaciones//evil.example', '/consulta', '/operacionesX', '/operaciones\\..', null]) {
      expect(safeReturnTo(elsewhere)).toBe('/operaciones');
    }
  });
});
