import { expect } from 'chai';
import { cookiePaths, Sessions } from './sessions.js';

describe('auth session cookies and CSRF tokens', () => {
  it('scopes cookies to the surface paths, or the whole host for a surface with its own host', () => {
    expect(cookiePaths({ base: '/admin' })).to.deep.equal(['/admin', '/api/v1/admin']);
    expect(cookiePaths({ base: '/store/fashion' })).to.deep.equal(['/store/fashion', '/api/v1/store/fashion']);
    expect(cookiePaths({ base: '' })).to.deep.equal(['/']);
  });

  it('binds the CSRF token to the session and the secret', () => {
    const sessions = new Sessions(() => 'secret-one');
    const other = new Sessions(() => 'secret-two');
    expect(sessions.csrfToken('jti-1')).to.equal(sessions.csrfToken('jti-1'));
    expect(sessions.csrfToken('jti-1')).not.to.equal(sessions.csrfToken('jti-2'));
    expect(sessions.csrfToken('jti-1')).not.to.equal(other.csrfToken('jti-1'));
  });
});
