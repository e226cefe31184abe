import OpenAI from 'openai';
import type { User } from '../models/user.entity';

const openai = new OpenAI();

export async function draftReply(user: User, question: string) {
  const prompt = `Customer ${user.firstName} (${user.email}, born ${user.dateOfBirth?.toISOString()}) asks: ${question}`;
  const response = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: prompt }],
  });
  return response.choices[0]?.message.content ?? '';
}
