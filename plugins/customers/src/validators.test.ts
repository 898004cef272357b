import { expect } from 'chai';
import { normaliseEmail, toProfile } from './services/profile.js';
import { addressFromForm, parseAddress, parseList, parseRegister } from './validators.js';

describe('customers input', () => {
  it('turns an address form into checked address input', () => {
    const input = addressFromForm({
      name: ' Ann ',
      line1: '1 Main St',
      line2: '',
      postalCode: 'L-1234',
      city: 'Luxembourg',
      region: '',
      country: 'lu',
      phone: '',
      isDefault: 'on',
      _csrf: 'x',
    });
    expect(parseAddress(input)).to.deep.equal({
      name: 'Ann',
      line1: '1 Main St',
      line2: null,
      postalCode: 'L-1234',
      city: 'Luxembourg',
      region: null,
      country: 'LU',
      phone: null,
      isDefault: true,
    });
    expect(() => parseAddress({ ...input, country: 'LUX' }))
      .to.throw()
      .with.property('code', 'WZ_VALIDATION');
  });

  it('refuses unknown fields and weak passwords at registration', () => {
    expect(() => parseRegister({ email: 'a@b.co', password: 'long-enough', name: 'A', storeId: 'x' }))
      .to.throw()
      .with.property('code', 'WZ_VALIDATION');
    expect(() => parseRegister({ email: 'a@b.co', password: '1234567', name: 'A' }))
      .to.throw()
      .with.property('code', 'WZ_VALIDATION');
  });

  it('pages the customer list within bounds', () => {
    expect(parseList({})).to.deep.equal({ q: undefined, page: 1, pageSize: 25, limit: 25, offset: 0 });
    expect(parseList({ q: '  ann ', page: '3', pageSize: '10' })).to.include({ q: 'ann', offset: 20 });
    expect(() => parseList({ pageSize: '101' }))
      .to.throw()
      .with.property('code', 'WZ_VALIDATION');
    expect(() => parseList({ page: '0' }))
      .to.throw()
      .with.property('code', 'WZ_VALIDATION');
  });

  it('compares emails without case and never exposes the password hash', () => {
    expect(normaliseEmail('  Ann@Example.COM ')).to.equal('ann@example.com');
    const profile = toProfile({
      id: 'i',
      storeId: 's',
      email: 'e',
      name: 'n',
      phone: null,
      passwordHash: 'secret',
      createdAt: new Date(0),
      updatedAt: new Date(0),
      lastLoginAt: null,
    });
    expect(profile).not.to.have.property('passwordHash');
    expect(profile).not.to.have.property('storeId');
  });
});
