// Layout for the shopper pages: one zustand store per provider, the background queue
// sync, the header and the phone tab bar. Server Component.
import { AppHeader } from "@/app/_components/app-header";
import { NavLinks } from "@/app/_components/nav-links";
import { QueueSync } from "@/app/_store/queue-sync";
import { StoreProvider } from "@/app/_store/store-provider";

export default function ShopLayout({ children }: { children: React.ReactNode }) {
  return (
    <StoreProvider>
      <QueueSync />
      <div className="flex min-h-full flex-col">
        <AppHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 pb-24 md:pb-10">
          {children}
        </main>
        <NavLinks variant="bottom" />
      </div>
    </StoreProvider>
  );
}
