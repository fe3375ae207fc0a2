/* The root component: providers around the router. Instances are created once, outside React. */
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import type { i18n } from 'i18next';
import { Providers } from './providers';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';

export function App({ i18n }: { i18n: i18n }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <Providers queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </Providers>
  );
}
