// Prepares the compose MongoDB (run by the mongo-init service with `mongosh --nodb`; safe to run again):
// signs in as root (made by the mongo image on an empty data directory, password from the secret file),
// initiates the single-member replica set rs0 if it is not yet, waits for its writable primary, and makes
// one user per service — named after it, in the admin database, its password from the secret file
// mongo_<service>_password — whose only role is readWrite on that service's own database. A user that
// exists gets its password and roles set again (so a changed secret file takes effect).
const fs = require("fs");
const SERVICES = {
  "intake-service": "duban_intake",
  "supervision-service": "duban_supervision",
  "notification-service": "duban_notification",
  "reporting-service": "duban_reporting",
};
const secretsDir = process.env.DUBAN_SECRETS_DIR || "/run/secrets";
const host = process.env.DUBAN_MONGO_HOST || "mongo:27017";

function secret(name) {
  const value = fs.readFileSync(secretsDir + "/" + name, "utf8").trim();
  if (value.length === 0) {
    throw new Error("the secret file " + name + " is empty");
  }
  return value;
}

// mongod starts late on the first run: the image makes the root user on a mongod of its own first
let admin;
for (let attempt = 1; ; attempt++) {
  try {
    admin = new Mongo("mongodb://" + host + "/?directConnection=true").getDB("admin");
    admin.auth("root", secret("mongo_root_password"));
    break;
  } catch (e) {
    if (attempt >= 90) {
      throw new Error("cannot sign in to " + host + " as root: " + e.message);
    }
    sleep(1000);
  }
}

// mongosh throws a command's error (older shells returned it): both are read the same way
function command(document) {
  try {
    return admin.runCommand(document);
  } catch (e) {
    return { ok: 0, codeName: e.codeName, errmsg: e.message };
  }
}

const status = command({ replSetGetStatus: 1 });
if (status.ok === 1) {
  print("replica set " + status.set + " already initiated");
} else if (status.codeName === "NotYetInitialized") {
  const initiated = command({ replSetInitiate: { _id: "rs0", members: [{ _id: 0, host: host }] } });
  if (initiated.ok !== 1) {
    throw new Error("replSetInitiate: " + JSON.stringify(initiated));
  }
  print("replica set rs0 initiated");
} else {
  throw new Error("replSetGetStatus: " + JSON.stringify(status));
}
for (let i = 0; i < 60 && !admin.runCommand({ hello: 1 }).isWritablePrimary; i++) {
  sleep(1000);
}
if (!admin.runCommand({ hello: 1 }).isWritablePrimary) {
  throw new Error("rs0 has no primary after 60 s");
}
print("rs0 primary: " + admin.runCommand({ hello: 1 }).primary);

for (const [user, database] of Object.entries(SERVICES)) {
  const pwd = secret("mongo_" + user.replace(/-/g, "_") + "_password");
  const roles = [{ role: "readWrite", db: database }];
  if (admin.getUser(user) === null) {
    admin.createUser({ user: user, pwd: pwd, roles: roles });
    print("user " + user + " made: readWrite on " + database);
  } else {
    admin.updateUser(user, { pwd: pwd, roles: roles });
    print("user " + user + ": readWrite on " + database);
  }
}
