/** Where an institution reads its replication requests (the web app's route), linked from mails and notices. */
export const REPLICATION_PAGE = '/instansi/replikasi';
