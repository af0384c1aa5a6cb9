// Initiates the single-member replica set rs0 of the compose MongoDB (run by the mongo-init service)
// and waits until it has a writable primary. A no-op when the set is already initiated.
try {
  rs.status();
  print("replica set rs0 already initiated");
} catch (e) {
  if (e.codeName !== "NotYetInitialized") {
    throw e;
  }
  rs.initiate({ _id: "rs0", members: [{ _id: 0, host: "mongo:27017" }] });
  print("replica set rs0 initiated");
}
for (let i = 0; i < 60 && !db.hello().isWritablePrimary; i++) {
  sleep(1000);
}
if (!db.hello().isWritablePrimary) {
  throw new Error("rs0 has no primary after 60 s");
}
print("rs0 primary: " + db.hello().primary);
