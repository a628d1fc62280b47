import type { ReactNode } from 'react';

/** Centered page with a <main> landmark, for the login and password screens. */
export function AuthShell({ children }: { children: ReactNode }) {
  return (
    <main
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        boxSizing: 'border-box',
        background: 'linear-gradient(180deg, #0b2e59 0, #0b2e59 220px, #f3f4f6 220px)',
      }}
    >
      <div style={{ width: '100%', maxWidth: 420 }}>{children}</div>
    </main>
  );
}
