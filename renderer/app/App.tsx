/* The root component: providers around the router. Instances are created once, outside React. */
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import type { i18n } from 'i18next';
import { Providers } from './providers';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { DataBoot } from './DataBoot';
import type { TribunalStore } from '../data/store';

/** `openStore` makes the local store (the app passes openLocalStore; tests pass one over fake IndexedDB). */
export function App({ i18n, openStore }: { i18n: i18n; openStore: () => TribunalStore }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createAppRouter);
  return (
    <Providers queryClient={queryClient} i18n={i18n}>
      <DataBoot open={openStore}>
        <RouterProvider router={router} />
      </DataBoot>
    </Providers>
  );
}
