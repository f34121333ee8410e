import { describe, expect, it } from 'vitest';
import { phoneText } from './phoneText.js';

describe('a stored phone number as the footer shows it', () => {
  it.each([
    ['+62217398381', '021 739 8381'],
    ['+622155550101', '021 5555 0101'],
    ['+6281255550101', '0812 5555 0101'],
    ['+62541736452', '0541 736 452'],
    ['+62274512345', '0274 512 345'],
    ['+628115400123', '0811 540 0123'],
    ['not a number', 'not a number'],
  ])('%s reads %s', (stored, shown) => {
    expect(phoneText(stored)).toBe(shown);
  });
});
