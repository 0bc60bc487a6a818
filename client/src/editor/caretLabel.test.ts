import { describe, expect, it } from 'vitest';
import { caretLook } from './caretLabel';

describe('caretLook', () => {
  it('labels a caret with the name and the delegation code', () => {
    expect(caretLook({ name: 'Sofía Ramírez', delegation: 'MX', color: '#00704a' })).toEqual({
      label: 'Sofía Ramírez · MX',
      shortLabel: 'Sofía · MX',
      colour: '#00704a',
      away: false,
      userId: null,
    });
    expect(caretLook({ name: 'Amb. Ruth Okafor', delegation: 'CHAIR' }).label).toBe(
      'Amb. Ruth Okafor · Chair',
    );
  });

  it('shortens the label to the given name, titles left out', () => {
    expect(caretLook({ name: 'Amb. Ruth Okafor', delegation: 'CHAIR' }).shortLabel).toBe(
      'Ruth · Chair',
    );
    expect(
      caretLook({ name: 'Press Observer', delegation: 'CHAIR', role: 'observer' }).shortLabel,
    ).toBe('Press · Observer');
    expect(caretLook({ name: 'Maximiliano-Alejandro Cruz' }).shortLabel).toBe('Maximiliano-A…');
  });

  it('never passes through a colour that is not a plain hex colour', () => {
    expect(
      caretLook({ name: 'X', delegation: 'US', color: 'red; background: url(x)' }).colour,
    ).toBe('#1f4e9c');
    expect(caretLook({ name: 'X', color: 'transparent' }).colour).toBe('#6b6b6b');
  });

  it('says when the person is away, for a faded caret', () => {
    expect(
      caretLook({ name: 'Sofía Ramírez', delegation: 'MX', away: true, userId: 'u-mx' }),
    ).toMatchObject({ label: 'Sofía Ramírez · MX', away: true, userId: 'u-mx' });
    expect(caretLook({ name: 'X', away: 'yes' }).away).toBe(false);
  });

  it('copes with an empty user', () => {
    expect(caretLook({}).label).toBe('Someone');
  });
});
