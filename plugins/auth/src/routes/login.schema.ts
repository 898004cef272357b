import { createValidator } from '@wizamart/plugin-sdk';

/** `{ email, password }` of the sign-in form and `POST …/auth/login`. */
export const parseLogin = createValidator<{ email: string; password: string }>({
  type: 'object',
  additionalProperties: false,
  required: ['email', 'password'],
  properties: {
    email: { type: 'string', minLength: 1, maxLength: 254 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
});
