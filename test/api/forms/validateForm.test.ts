import { expect } from 'chai';
import { validateForm } from '../../../api/forms/validateForm.js';

const planEvent = {
  id: 'plan',
  components: [
    {
      type: 'group', label: 'The event', path: 'event',
      components: [
        { type: 'textfield', key: 'name', label: 'Name', validate: { required: true } },
        { type: 'datetime', subtype: 'date', key: 'date', label: 'Date', validate: { required: true } },
        { type: 'number', key: 'budget', label: 'Budget', validate: { min: 0 } },
      ],
    },
    {
      type: 'dynamiclist', label: 'Invitees', path: 'invitees',
      components: [
        { type: 'textfield', key: 'id', label: 'Customer', validate: { required: true } },
        { type: 'textfield', key: 'email', label: 'Email', validate: { required: true, validationType: 'email' } },
      ],
    },
    { type: 'checkbox', key: 'consent', label: 'Consent', validate: { required: true } },
    { type: 'textfield', key: 'customer.name', label: 'Contact' , validate: { maxLength: 5 } },
    { type: 'textfield', key: 'locked', label: 'Locked', disabled: true, validate: { required: true } },
    { type: 'checklist', key: 'channels', label: 'Channels', values: [{ value: 'mail' }, { value: 'phone' }] },
  ],
};

describe('api: form validation (form-js rules on the server)', () => {
  it('should accept values at their paths: groups, dynamic list rows and dotted keys', () => {
    // given
    const values = {
      event: { name: 'Spring fair', date: '2026-05-20', budget: 2500 },
      invitees: [{ id: 'ANN', email: 'ann@example.com' }, { id: 'BOB', email: 'bob@example.com' }],
      consent: true, customer: { name: 'Ann' }, channels: ['mail'],
    };
    // when / then
    expect(validateForm(planEvent, values)).to.deep.equal([]);
  });

  it('should name each refused field by its path, rows of a list by their index', () => {
    // given
    const values = {
      event: { name: '', date: '2026-02-30', budget: -1 },
      invitees: [{ id: 'ANN', email: 'ann@example.com' }, { id: '', email: 'not-an-address' }],
      consent: false, customer: { name: 'Bartholomew' }, channels: ['fax'],
    };
    // when
    const problems = validateForm(planEvent, values);
    // then
    expect(problems).to.deep.equal([
      { field: 'event.name', message: 'Name is required' },
      { field: 'event.date', message: 'Date must be a date (YYYY-MM-DD)' },
      { field: 'event.budget', message: 'Budget must be at least 0' },
      { field: 'invitees[1].id', message: 'Customer is required' },
      { field: 'invitees[1].email', message: 'Email must be an email address' },
      { field: 'consent', message: 'Consent is required' },
      { field: 'customer.name', message: 'Contact must have at most 5 characters' },
      { field: 'channels', message: 'Channels may only hold "mail", "phone"' },
    ]);
  });

  it('should refuse a list that is not a list, and leave out disabled fields, which form-js does not submit', () => {
    // when
    const problems = validateForm(planEvent, { event: { name: 'x', date: '2026-05-20' }, invitees: 'ANN, BOB', consent: true });
    // then
    expect(problems).to.deep.equal([{ field: 'invitees', message: 'Invitees must be a list' }]);
  });

  it('should refuse a value against a pattern the form\'s author got wrong, rather than fail', () => {
    // given
    const broken = { components: [{ type: 'textfield', key: 'code', label: 'Code', validate: { pattern: '([a-z' } }] };
    // when / then
    expect(validateForm(broken, { code: 'abc' })).to.deep.equal([{ field: 'code', message: 'Code does not match ([a-z' }]);
  });
});
